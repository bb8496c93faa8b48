package io.dynamoid.orm.internal.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeSet;

/**
 * Logs each DynamoDB call with its table and duration at DEBUG (failures too), on the logger
 * {@code io.dynamoid.orm.requests}: e.g. {@code PutItem dynamoid_users 3 ms}.
 */
public final class RequestLogging implements ExecutionInterceptor {
    public static final String LOGGER_NAME = "io.dynamoid.orm.requests";
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("io.dynamoid.orm.started");

    private final Logger log;

    public RequestLogging() {
        this(LoggerFactory.getLogger(LOGGER_NAME));
    }

    public RequestLogging(Logger log) {
        this.log = log;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (log.isDebugEnabled()) {
            log.debug("{} {} {} ms", operation(attributes), table(context.request()), elapsedMillis(attributes));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (log.isDebugEnabled()) {
            log.debug("{} {} failed after {} ms: {}", operation(attributes), table(context.request()), elapsedMillis(attributes),
                    context.exception().getMessage());
        }
    }

    private static String operation(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    /** The request's table, or the tables of a batch request, or "-" (ListTables). */
    private static String table(SdkRequest request) {
        return request.getValueForField("TableName", String.class)
                .or(() -> request.getValueForField("RequestItems", Map.class).map(items -> String.join(",", new TreeSet<String>(items.keySet()))))
                .orElse("-");
    }

    private static long elapsedMillis(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        return started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
    }
}
