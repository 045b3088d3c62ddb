package io.acme.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

@Configuration
public class DataSourceConfig {
    @Value("${spring.datasource.password}")
    private String password;

    @Value("${app.jwt.secret}")
    private String jwtSecret;

    private final String apiToken = System.getenv("API_TOKEN");
}
