package dev.paydeck.webhooks;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.EventListenerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;

/**
 * Makes each {@link StripeEventListener} method a {@link StripeEventListenerMethod}, at startup. Ordered before
 * Spring's default factory, which would otherwise take the method as a plain {@code @EventListener}. Created while the
 * context reads its bean definitions, so it depends on nothing.
 */
@Component
class StripeEventListenerFactory implements EventListenerFactory, Ordered {

    @Override
    public boolean supportsMethod(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, StripeEventListener.class);
    }

    @Override
    public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
        return new StripeEventListenerMethod(beanName, type, method);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
