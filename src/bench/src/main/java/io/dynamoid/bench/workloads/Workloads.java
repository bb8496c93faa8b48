package io.dynamoid.bench.workloads;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The workloads the benchmark knows, in report order. */
public final class Workloads {
    public static final List<Workload> ALL = List.of(
            new PutItemWorkload(), new GetItemWorkload(), new QueryWorkload(), new Query50of100Workload(),
            new GsiQueryWorkload(), new UpdateItemWorkload(), new BatchWriteItemWorkload(), new TransactWriteItemsWorkload(),
            new ScanPagingWorkload());

    private Workloads() {
    }

    /** The workloads whose id (operation, or Query50of100, GsiQuery, ScanPaging) is in the comma-separated list (case-insensitive), or all for "all". */
    public static List<Workload> named(String commaSeparated) {
        if (commaSeparated.equalsIgnoreCase("all")) return ALL;
        List<String> wanted = Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
        List<Workload> chosen = ALL.stream()
                .filter(w -> wanted.stream().anyMatch(w.id()::equalsIgnoreCase)).toList();
        if (chosen.size() != wanted.size()) {
            throw new IllegalArgumentException("unknown workload in '" + commaSeparated + "'; known: "
                    + ALL.stream().map(Workload::id).collect(Collectors.joining(",")));
        }
        return chosen;
    }
}
