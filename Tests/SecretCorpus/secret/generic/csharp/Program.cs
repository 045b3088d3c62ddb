using System.Data.SqlClient;

var builder = new SqlConnectionStringBuilder
{
    DataSource = "sql-prod.acme.local",
    UserID = "svc_reports",
    Password = "D-sD2w6fvXy~xL1kWo1@",
    InitialCatalog = "Reports"
};
