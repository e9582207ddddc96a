// An input with nothing but a comment.
