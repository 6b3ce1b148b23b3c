# A Kinesis stream that exists already: pipelinec creates nothing for it and changes none of
# its settings (capacity, retention, encryption). This module only passes on what the spec says
# of it, so that the rest of the render refers to `module.<id>.arn` and `module.<id>.name` as it
# does for a stream pipelinec creates.
