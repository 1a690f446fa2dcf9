variable "region" {
  description = "AWS region for the ward deployment"
  type        = string
  default     = "eu-central-1"
}

variable "project" {
  description = "Name prefix for every resource"
  type        = string
  default     = "vitals-gateway"
}

variable "vpc_id" {
  description = "Hospital VPC the gateway runs in"
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR block of the hospital VPC"
  type        = string
  default     = "10.40.0.0/16"
}

variable "hospital_cidrs" {
  description = "Networks allowed to reach the API (ward VLANs, clinician VPN)"
  type        = list(string)
  default     = ["10.40.0.0/16", "10.60.8.0/22"]
}

variable "db_subnet_ids" {
  description = "Private subnets for the telemetry database"
  type        = list(string)
}

variable "db_password" {
  description = "Master password for the telemetry database"
  type        = string
  sensitive   = true
}
