resource "aws_glue_catalog_database" "this" {
  name        = var.name
  description = var.description

  tags = var.tags
}

resource "aws_glue_catalog_table" "this" {
  for_each = var.tables

  name          = each.key
  database_name = aws_glue_catalog_database.this.name
  description   = each.value.description
  table_type    = "EXTERNAL_TABLE"
  parameters    = each.value.parameters

  dynamic "partition_keys" {
    for_each = each.value.partition_keys
    content {
      name = partition_keys.value
      type = "string"
    }
  }

  storage_descriptor {
    location      = each.value.location
    input_format  = each.value.input_format
    output_format = each.value.output_format

    ser_de_info {
      serialization_library = each.value.serde
      parameters            = each.value.serde_parameters
    }

    dynamic "columns" {
      for_each = each.value.columns
      content {
        name    = columns.value.name
        type    = columns.value.type
        comment = columns.value.comment
      }
    }
  }
}

resource "aws_glue_crawler" "this" {
  #checkov:skip=CKV_AWS_195:a crawler only reads S3 and updates the catalog; security configurations encrypt what Glue jobs write, and a crawler writes nothing to encrypt
  count = var.crawler == null ? 0 : 1

  name          = var.crawler.name
  role          = var.crawler.role_arn
  database_name = aws_glue_catalog_database.this.name
  schedule      = var.crawler.schedule

  catalog_target {
    database_name = aws_glue_catalog_database.this.name
    tables        = [for t in var.crawler.tables : aws_glue_catalog_table.this[t].name]
  }

  schema_change_policy {
    update_behavior = var.crawler.update_behavior
    delete_behavior = var.crawler.delete_behavior
  }

  configuration = jsonencode({
    Version = 1
    CrawlerOutput = {
      Partitions = { AddOrUpdateBehavior = "InheritFromTable" }
    }
  })

  tags = var.tags
}
