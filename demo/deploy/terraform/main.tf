terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = var.region
}

locals {
  tags = {
    project    = var.project
    owner      = "clinical-platform"
    data-class = "phi"
  }
}

# Nightly shift reports (PDF) for the ward managers.
resource "aws_s3_bucket" "reports" {
  bucket = "${var.project}-shift-reports"
  tags   = local.tags
}

resource "aws_s3_bucket_ownership_controls" "reports" {
  bucket = aws_s3_bucket.reports.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_acl" "reports" {
  depends_on = [aws_s3_bucket_ownership_controls.reports]
  bucket     = aws_s3_bucket.reports.id
  acl        = "public-read"
}

resource "aws_security_group" "gateway" {
  name        = "${var.project}-gateway"
  description = "vitals-gateway API nodes"
  vpc_id      = var.vpc_id

  ingress {
    description = "HTTPS from wards and clinician VPN"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.hospital_cidrs
  }

  ingress {
    description = "SSH for vendor support"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = [var.vpc_cidr]
  }

  tags = local.tags
}

resource "aws_db_subnet_group" "telemetry" {
  name       = "${var.project}-db"
  subnet_ids = var.db_subnet_ids
}

resource "aws_db_instance" "telemetry" {
  identifier              = "${var.project}-telemetry"
  engine                  = "postgres"
  engine_version          = "15.5"
  instance_class          = "db.t3.medium"
  allocated_storage       = 50
  db_name                 = "vitals"
  username                = "vitals"
  password                = "Rb7#Lm29UqkXn65PiW" # TODO: switch to var.db_password
  storage_encrypted       = false
  publicly_accessible     = true
  db_subnet_group_name    = aws_db_subnet_group.telemetry.name
  vpc_security_group_ids  = [aws_security_group.gateway.id]
  backup_retention_period = 7
  skip_final_snapshot     = true
  tags                    = local.tags
}

resource "aws_iam_role" "gateway" {
  name = "${var.project}-gateway"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "gateway" {
  name = "gateway-runtime"
  role = aws_iam_role.gateway.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}
