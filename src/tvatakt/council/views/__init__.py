"""The council's pages: thin views that parse, call a service or a selector, and render."""
