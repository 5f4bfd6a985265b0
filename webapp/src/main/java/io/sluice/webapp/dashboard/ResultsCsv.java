package io.sluice.webapp.dashboard;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.sluice.domain.record.ChunkResult;
import io.sluice.domain.record.RecordError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The results of a file run as CSV. Each collected chunk goes to a file of its own (output names,
 * then one row per record with its outputs and errors); at the end the input file is read again
 * and joined with those files chunk by chunk, so the results keep the input's order and columns,
 * followed by the outputs and an {@code errors} column. Both steps stream row by row.
 */
final class ResultsCsv {

    static final String ERRORS = "errors";

    private ResultsCsv() {
    }

    static void writeChunk(FileRun run, long index, ChunkResult result) {
        try (CsvWriter csv = CsvWriter.builder().build(run.chunkResults(index), StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>();
            result.outputs().get(0).forEach(name -> header.add(CsvFiles.text(name)));
            header.add(ERRORS);
            csv.writeRecord(header);
            for (int r = 0; r < result.recordCount(); r++) {
                List<String> row = new ArrayList<>(header.size());
                List<Object> outputs = result.outputs().get(r + 1);
                for (int i = 0; i < header.size() - 1; i++) {
                    row.add(i < outputs.size() ? CsvFiles.text(outputs.get(i)) : "");
                }
                row.add(errors(run, result.errors().get(r)));
                csv.writeRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String errors(FileRun run, List<RecordError> errors) {
        if (errors == null || errors.isEmpty()) {
            return "";
        }
        Set<String> kinds = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        for (RecordError e : errors) {
            kinds.add(e.errorCategory() + " / " + e.errorType());
            texts.add((e.sourcePath() == null ? "" : e.sourcePath() + ": ") + e.message());
        }
        kinds.forEach(run::countError);
        return String.join("; ", texts);
    }

    /** Joins the input with the collected chunks into {@link FileRun#results()}. */
    static void write(FileRun run, long chunks) {
        List<String> outputs = outputNames(run, chunks);
        try (CsvReader<CsvRecord> input = CsvFiles.open(run.input());
             CsvWriter csv = CsvWriter.builder().build(run.results(), StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> rows = input.iterator();
            List<String> header = new ArrayList<>(rows.next().getFields());
            header.addAll(outputs);
            header.add(ERRORS);
            csv.writeRecord(header);
            for (long chunk = 0; chunk < chunks && rows.hasNext(); chunk++) {
                joinChunk(run, chunk, rows, outputs.size(), csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void joinChunk(FileRun run, long chunk, Iterator<CsvRecord> rows, int outputs, CsvWriter csv)
            throws IOException {
        Path file = run.chunkResults(chunk);
        try (CsvReader<CsvRecord> results = Files.exists(file) ? CsvFiles.open(file) : null) {
            Iterator<CsvRecord> computed = results == null ? null : results.iterator();
            if (computed != null) {
                computed.next();
            }
            for (int i = 0; i < run.chunkSize() && rows.hasNext(); i++) {
                List<String> row = new ArrayList<>(rows.next().getFields());
                List<String> result = computed != null && computed.hasNext() ? computed.next().getFields() : List.of();
                for (int o = 0; o < outputs; o++) {
                    row.add(o < result.size() - 1 ? result.get(o) : "");
                }
                row.add(result.isEmpty() ? "not computed: the batch ended before this record was" : result.get(result.size() - 1));
                csv.writeRecord(row);
            }
        }
    }

    private static List<String> outputNames(FileRun run, long chunks) {
        for (long chunk = 0; chunk < chunks; chunk++) {
            Path file = run.chunkResults(chunk);
            if (Files.exists(file)) {
                try (CsvReader<CsvRecord> reader = CsvFiles.open(file)) {
                    List<String> header = new ArrayList<>(reader.iterator().next().getFields());
                    return header.subList(0, header.size() - 1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return List.of();
    }
}
