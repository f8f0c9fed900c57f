"""The catalogue as DCAT-AP-SE 3 (the national portal's profile of DCAT-AP), for dataportal.se and CKAN-style
harvesters. iris.py names things, graph.py describes them, stream.py reads and writes the catalogue."""
