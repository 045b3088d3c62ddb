provider "databricks" {
  host  = "https://adb-4418201593817642.2.azuredatabricks.net"
  token = "dapi89f114f8805a761435cb9a83f0b93ccd-3"
}
