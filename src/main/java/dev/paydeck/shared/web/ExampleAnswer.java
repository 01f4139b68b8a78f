package dev.paydeck.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An example of what an API operation answers when it succeeds, shown in Swagger UI beside the answer's schema.
 * Write it as the API sends it: snake_case JSON, made-up ids, never a real secret.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ExampleAnswer {

    /** The answer's JSON. */
    String value();

    /** The answer's status, when the mapping does not declare it (a method answering with a ResponseEntity). */
    String status() default "";

    /** What the answer is, when more can be said than the status's name. */
    String description() default "";
}
