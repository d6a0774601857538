; `assert <left> == <right>[, msg]`: the comparison is the assert's first expression.
(assert_statement . (comparison_operator) @comparison) @assert
