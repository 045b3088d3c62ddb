$cred = Get-Credential -Message "SQL login"
$password = $cred.GetNetworkCredential().Password
Invoke-Sqlcmd -ServerInstance "sql01" -Username $cred.UserName -Password $password -Query "SELECT 1"
