; Every function and class definition, and the decorated wrappers around them.
; The extractor rebuilds nesting (qualified names) from the byte ranges of these captures.
(function_definition) @function
(class_definition) @class
(decorated_definition) @decorated
