variable "identity" {
  description = "The domain or the email address to send from."
  type        = string
}

variable "is_domain" {
  description = "Whether the identity is a domain (signed with Easy DKIM) rather than one address."
  type        = bool
}

variable "sender" {
  description = "The address messages are sent from: the email identity, or an address of the domain."
  type        = string
}

variable "configuration_set" {
  description = "Name of the identity's configuration set."
  type        = string
}

variable "dkim_key_length" {
  description = "Easy DKIM key length of a domain identity: RSA_2048_BIT or RSA_1024_BIT."
  type        = string
}

variable "suppress_bounces_and_complaints" {
  description = "Stop sending to addresses that bounced or complained."
  type        = bool
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
