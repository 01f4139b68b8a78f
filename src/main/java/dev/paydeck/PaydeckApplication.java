package dev.paydeck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Paydeck: self-hosted payments and billing on top of Stripe, with a Stripe-compatible sandbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaydeckApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaydeckApplication.class, args);
    }
}
