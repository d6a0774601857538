; Every `#` comment (example comments like `# f(1, 2) -> 3`).
(comment) @comment
