resource "null_resource" "bootstrap" {
  connection {
    type        = "ssh"
    host        = aws_instance.bastion.public_ip
    user        = "admin"
    private_key = <<-EOT
      -----BEGIN OPENSSH PRIVATE KEY-----
      b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
      QyNTUxOQAAACCpU6fIhK5jw5T0kL/l8Usp6qJCl8+rZswA1lshaSlqjAAAAJj/A/IL/wPy
      CwAAAAtzc2gtZWQyNTUxOQAAACCpU6fIhK5jw5T0kL/l8Usp6qJCl8+rZswA1lshaSlqjA
      AAAECgSumfeEkkDPaepsH3B/LT2TWXWx7+mINvQDDOn99cNqlTp8iErmPDlPSQv+XxSynq
      okKXz6tmzADWWyFpKWqMAAAAEmRlcGxveUBjaS1ydW5uZXItMgECAw==
      -----END OPENSSH PRIVATE KEY-----
    EOT
  }

  provisioner "remote-exec" {
    inline = ["sudo apt-get update"]
  }
}
