# A data-lake bucket that exists already: pipelinec creates nothing for it and changes none of
# its settings (no bucket policy, encryption, versioning, lifecycle or notifications). This
# module only passes on what the spec says of it, so that the rest of the render refers to
# `module.<id>.arn` and `module.<id>.bucket` as it does for a bucket pipelinec creates.
