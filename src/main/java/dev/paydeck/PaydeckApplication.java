package dev.paydeck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Paydeck: self-hosted payments and billing on top of Stripe, with a Stripe-compatible sandbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaydeckApplication {

    public static void main(String[] args) {
        // stripe-java talks HTTP through HttpURLConnection, whose keep-alive cache holds 5 connections per host by
        // default: under concurrent load every further call would open (and close) a new connection to Stripe.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
        SpringApplication.run(PaydeckApplication.class, args);
    }
}
