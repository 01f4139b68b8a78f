package dev.paydeck.webhooks;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link StripeEventListener} method as an application listener: it takes the processor's
 * {@link StripeEventDispatch}es of its event types only, marks them taken and calls the method with the event. Spring's
 * adapter does the rest (finding the bean, {@code @Order}); the types are read once here, so an event costs a set
 * lookup and a few prefix checks per listener.
 */
final class StripeEventListenerMethod extends ApplicationListenerMethodAdapter {

    private final Set<String> types = new HashSet<>();
    /** {@code refund.} for {@code refund.*}. */
    private final List<String> families = new ArrayList<>();

    StripeEventListenerMethod(String beanName, Class<?> targetClass, Method method) {
        super(beanName, targetClass, method);
        Method target = getTargetMethod();
        if (target.getParameterCount() != 1 || target.getParameterTypes()[0] != StripeEventReceived.class
                || target.getReturnType() != void.class) {
            throw new IllegalStateException("A @StripeEventListener method takes one StripeEventReceived and returns "
                    + "nothing: " + target);
        }
        StripeEventListener declared = AnnotatedElementUtils.findMergedAnnotation(target, StripeEventListener.class);
        if (declared == null || declared.value().length == 0) {
            throw new IllegalStateException("@StripeEventListener names no event type: " + target);
        }
        for (String type : declared.value()) {
            int star = type.indexOf('*');
            if (star < 0 && !type.isBlank()) {
                types.add(type);
            } else if (star == type.length() - 1 && type.length() > 2 && type.endsWith(".*")) {
                families.add(type.substring(0, star));
            } else {
                throw new IllegalStateException("@StripeEventListener type '" + type + "' is neither an event type "
                        + "nor a family like 'refund.*': " + target);
            }
        }
    }

    boolean takes(String type) {
        if (types.contains(type)) {
            return true;
        }
        for (String family : families) {
            if (type.startsWith(family)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return StripeEventDispatch.class.isAssignableFrom(eventType.toClass());
    }

    @Override
    public void processEvent(ApplicationEvent event) {
        Object[] arguments = resolveArguments(event);
        if (arguments != null) {
            ((StripeEventDispatch) event).take();
            doInvoke(arguments);
        }
    }

    /** The event, when this listener takes it; null otherwise (not called). */
    @Override
    protected Object[] resolveArguments(ApplicationEvent event) {
        return event instanceof StripeEventDispatch dispatch && takes(dispatch.event().type())
                ? new Object[] {dispatch.event()} : null;
    }
}
