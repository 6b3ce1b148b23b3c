# QuickSight reaches the workgroup, which is not publicly accessible, through network
# interfaces it creates in the workgroup's subnets with the workgroup's security groups, using
# the connection's role.
resource "aws_quicksight_vpc_connection" "this" {
  vpc_connection_id  = var.data_source_id
  name               = var.display_name
  role_arn           = var.vpc_role_arn
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids

  tags = var.tags
}

# A Redshift data source on the workgroup's endpoint, over SSL. QuickSight signs in as the
# admin user with the secret Redshift keeps, so no password is in the spec, the plan or the
# state.
resource "aws_quicksight_data_source" "this" {
  data_source_id = var.data_source_id
  name           = var.display_name
  type           = "REDSHIFT"

  parameters {
    redshift {
      host     = var.host
      port     = var.port
      database = var.database
    }
  }

  credentials {
    secret_arn = var.secret_arn
  }

  vpc_connection_properties {
    vpc_connection_arn = aws_quicksight_vpc_connection.this.arn
  }

  ssl_properties {
    disable_ssl = false
  }

  # The principals use the data source to build data sets; changing or deleting it is left to
  # Terraform.
  dynamic "permission" {
    for_each = toset(var.principals)
    content {
      principal = permission.value
      actions = [
        "quicksight:DescribeDataSource",
        "quicksight:DescribeDataSourcePermissions",
        "quicksight:PassDataSource",
      ]
    }
  }

  tags = var.tags
}

resource "aws_quicksight_data_set" "this" {
  for_each = var.data_sets

  data_set_id = each.value.id
  name        = each.value.name
  import_mode = each.value.import_mode

  physical_table_map {
    physical_table_map_id = "redshift-view"

    relational_table {
      data_source_arn = aws_quicksight_data_source.this.arn
      schema          = each.value.schema
      name            = each.value.table

      dynamic "input_columns" {
        for_each = each.value.columns
        content {
          name = input_columns.value.name
          type = input_columns.value.type
        }
      }
    }
  }

  # Owners of the data set: they refresh, edit and share it.
  dynamic "permissions" {
    for_each = toset(var.principals)
    content {
      principal = permissions.value
      actions = [
        "quicksight:CancelIngestion",
        "quicksight:CreateIngestion",
        "quicksight:DeleteDataSet",
        "quicksight:DescribeDataSet",
        "quicksight:DescribeDataSetPermissions",
        "quicksight:DescribeIngestion",
        "quicksight:ListIngestions",
        "quicksight:PassDataSet",
        "quicksight:UpdateDataSet",
        "quicksight:UpdateDataSetPermissions",
      ]
    }
  }

  tags = var.tags
}
