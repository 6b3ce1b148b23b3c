# An Athena data source: QuickSight runs its queries in the workgroup, whose settings (results
# location, encryption, bytes-scanned cutoff) apply to them.
resource "aws_quicksight_data_source" "this" {
  data_source_id = var.data_source_id
  name           = var.display_name
  type           = "ATHENA"

  parameters {
    athena {
      work_group = var.work_group
    }
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
    physical_table_map_id = "athena-table"

    relational_table {
      data_source_arn = aws_quicksight_data_source.this.arn
      catalog         = "AwsDataCatalog"
      schema          = each.value.database
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
