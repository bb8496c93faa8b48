package io.dynamoid.orm.internal.client;

import io.dynamoid.orm.DynamoidException;
import io.dynamoid.orm.RequestFailedException;
import io.dynamoid.orm.TableNotFoundException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Turns an SDK failure without a more specific meaning into the ORM's exception, the SDK's as cause. */
public final class Failures {
    private Failures() {
    }

    public static DynamoidException of(String operation, String table, SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return new TableNotFoundException(operation + " failed: table " + table + " does not exist", e);
        }
        return new RequestFailedException(operation + " on table " + table + " failed: " + e.getMessage(), e);
    }
}
