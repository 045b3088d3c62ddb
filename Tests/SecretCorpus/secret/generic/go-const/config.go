package config

const (
	ListenAddr  = ":8080"
	DBUser      = "billing"
	DBPassword  = "y3uWV8al3W!_"
	HMACSecret  = "VtfTrHdVVYd5Y1yEs0dlr9HS6C83zAlzIfbNb70aGgV7JzYv"
)
