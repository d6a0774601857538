; Every identifier: the names a definition refers to (a superset: attribute names count too).
(identifier) @identifier
