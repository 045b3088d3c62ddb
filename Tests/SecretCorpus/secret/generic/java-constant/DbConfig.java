package io.acme.billing;

public final class DbConfig {
    public static final String URL = "jdbc:oracle:thin:@//ora-prod:1521/BILL";
    public static final String USER = "BILLING";
    private static final String PASSWORD = "Rocket$194_z";

    private DbConfig() {}
}
