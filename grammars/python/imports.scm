; Module-level imports and definitions: the context a function needs to run on its own.
(module [(import_statement) (import_from_statement) (future_import_statement)] @import)
(module (function_definition name: (identifier) @name) @definition)
(module (class_definition name: (identifier) @name) @definition)
(module (decorated_definition
  definition: [(function_definition name: (identifier) @name)
               (class_definition name: (identifier) @name)]) @definition)
(module (expression_statement (assignment left: (identifier) @name)) @definition)
(module (expression_statement (assignment left: (pattern_list (identifier) @name))) @definition)
(module (type_alias_statement left: (type (identifier) @name)) @definition)
