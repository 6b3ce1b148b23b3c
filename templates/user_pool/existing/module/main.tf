# A Cognito user pool that exists already, with its app client: pipelinec creates nothing for
# them and changes none of their settings. This module only passes on what the spec says of
# them, so that the rest of the render (an API's JWT authorizer, the alarms) refers to
# `module.<id>.issuer` and `module.<id>.client_id` as it does for a pool pipelinec creates.
