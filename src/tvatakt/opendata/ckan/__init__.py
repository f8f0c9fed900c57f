"""A read-only CKAN Action API over the catalogue (`/api/3/action/<name>`), so that clients written for CKAN 2.10
and 2.11 (the `ckanapi` tool, harvesters, portals) read it unchanged.

What CKAN keeps in Solr is read from the database here: `query` turns Solr's q/fq/sort into conditions, the
selectors run them, `dicts` shapes CKAN's dataset, resource, organization and group dictionaries, `actions`
holds the actions and `views` CKAN's envelope, status codes and request parsing.

Ids, where the catalogue has no UUID of its own (CKAN's clients expect UUIDs; its create schemas require them,
so a harvester that copies an organization by id needs one):
- a dataset is its `identifier`, a resource its distribution's `identifier`;
- an organization is uuid5(NAMESPACE, "organisation:<pk>"): stable across renames of its slug, which is its name;
- a group (one of the 13 EU data themes) is uuid5(NAMESPACE_URL, <the theme's EU IRI>), the same everywhere;
  its name is the theme's Swedish slug, e.g. "miljo";
- a tag (a keyword) is uuid5(NAMESPACE, "keyword:<pk>").
"""
