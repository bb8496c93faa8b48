package io.dynamoid.orm.internal.transactions;

import io.dynamoid.orm.InvalidTransactionException;
import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.TransactionCanceledException;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.client.Failures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A read transaction (Dynamoid's {@code TransactionRead}): reads by key are collected, then done together with
 * one TransactGetItems — a consistent snapshot of every item. The records come back in the order asked.
 */
public final class TransactionReader {
    /** DynamoDB's limit of actions in one TransactGetItems. */
    public static final int MAX_ACTIONS = 100;

    private record Read(String description, ModelMapping mapping, Map<String, AttributeValue> key, boolean required) {
    }

    private final Engine engine;
    private final BiFunction<ModelMapping, Map<String, AttributeValue>, Object> loader;
    private final List<Read> reads = new ArrayList<>();
    private boolean done;

    /** {@code loader} makes a persisted record of a model from its item. */
    public TransactionReader(Engine engine, BiFunction<ModelMapping, Map<String, AttributeValue>, Object> loader) {
        this.engine = engine;
        this.loader = loader;
    }

    /** Adds the read of an item by key; when it is missing, {@code required} fails the read, else answers null. */
    public void find(Class<?> type, Object key, boolean required) {
        requireOpen();
        ModelMapping mapping = engine.mapping(type);
        reads.add(new Read(TransactionWriter.describe("find", type, key), mapping, mapping.key(key), required));
    }

    /** Reads every item at once: the records in the order asked (null for a missing one that was not required). */
    public List<Object> commit() {
        requireOpen();
        done = true;
        if (reads.isEmpty()) {
            return List.of();
        }
        checkLimits();
        List<TransactGetItem> requests = reads.stream()
                .map(r -> TransactGetItem.builder().get(g -> g.tableName(r.mapping().tableName()).key(r.key())).build())
                .toList();
        TransactGetItemsResponse response;
        try {
            response = engine.client().transactGetItems(b -> b.transactItems(requests));
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            throw canceled(e);
        } catch (SdkException e) {
            String tables = reads.stream().map(r -> r.mapping().tableName()).distinct().collect(Collectors.joining(", "));
            throw Failures.of("TransactGetItems", tables, e);
        }
        List<Object> records = new ArrayList<>(reads.size());
        for (int i = 0; i < reads.size(); i++) {
            Read read = reads.get(i);
            ItemResponse found = response.responses().get(i);
            if (found.hasItem() && !found.item().isEmpty()) {
                records.add(loader.apply(read.mapping(), found.item()));
            } else if (read.required()) {
                throw new RecordNotFoundException("Read transaction: " + read.description() + " found nothing");
            } else {
                records.add(null);
            }
        }
        return records;
    }

    private void checkLimits() {
        if (reads.size() > MAX_ACTIONS) {
            throw new InvalidTransactionException("A read transaction holds at most " + MAX_ACTIONS + " reads; this one has "
                    + reads.size());
        }
        Set<List<Object>> seen = new HashSet<>();
        for (Read read : reads) {
            if (!seen.add(List.of(read.mapping().tableName(), read.key()))) {
                throw new InvalidTransactionException("A read transaction reads the same item twice: " + read.description()
                        + " (DynamoDB allows one action per item: \"Transaction request cannot include multiple operations"
                        + " on one item\")");
            }
        }
    }

    private TransactionCanceledException canceled(software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
        List<TransactionCanceledException.Reason> reasons = Cancellations.of(e, reads.stream().map(Read::description).toList());
        String why = reasons.isEmpty() ? e.getMessage()
                : reasons.stream().map(r -> r.action() + " failed: " + Cancellations.codeAndMessage(r)).collect(Collectors.joining("; "));
        return new TransactionCanceledException("Read transaction canceled: " + why, reasons, e);
    }

    private void requireOpen() {
        if (done) {
            throw new InvalidTransactionException("This read transaction was already committed");
        }
    }
}
