package io.sluice.client

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.node.ArrayNode
import com.fasterxml.jackson.databind.node.ObjectNode
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import groovy.transform.CompileStatic

import java.math.RoundingMode
import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.Executors
import java.util.concurrent.ExecutorService
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.atomic.AtomicInteger

/**
 * A stand-in for Sluice's Batch API v4 in tests: the sales example's arithmetic, idempotent chunk
 * ids, an input buffer counted in chunks (429 with Retry-After when full), results handed out in
 * random order, and switches that inject the failures a client must survive.
 */
@CompileStatic
class FakeSluice implements AutoCloseable {

    static final String TENANT = 'demo'
    static final String API_KEY = 'sk_test_key'
    static final String TOKEN = 'test-token'

    final ObjectMapper json = new ObjectMapper()
    final HttpServer server
    final ExecutorService executor = Executors.newFixedThreadPool(6)
    final Map<String, FakeBatch> batches = new ConcurrentHashMap<>()

    /** Chunks accepted and not yet fetched, at most, per batch. */
    volatile int bufferChunks = 1000
    /** Every n-th chunk post answers 503 before doing anything (0: never). */
    volatile int unavailableEvery = 0
    /** Every n-th chunk post is carried out, then answers 500 as if the response were lost (0: never). */
    volatile int lostResponseEvery = 0
    /** The first chunk's result is held back until this many other chunks were fetched. */
    volatile int holdFirstChunkFor = 0
    /** Result rows come back in reverse order within each chunk (the key still says whose they are). */
    volatile boolean reverseRows = false
    /** Each chunk post waits this long before answering. */
    volatile long postDelayMillis = 0
    /** Creating a batch waits this long before answering (the batch exists from the start). */
    volatile long createDelayMillis = 0

    final AtomicInteger posts = new AtomicInteger()
    final AtomicInteger tooManyRequests = new AtomicInteger()
    final AtomicInteger duplicates = new AtomicInteger()
    final AtomicInteger conflicts = new AtomicInteger()
    final AtomicInteger cancels = new AtomicInteger()
    final Map<String, List<String>> headersSeen = new ConcurrentHashMap<>()

    static {
        // Netty, which serves Sluice, sends with TCP_NODELAY; without it this server's split
        // header/body writes meet delayed ACKs and every answer waits ~40 ms
        System.setProperty('sun.net.httpserver.nodelay', 'true')
    }

    FakeSluice() {
        server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 64)
        server.executor = executor
        server.createContext('/') { HttpExchange exchange -> handle(exchange) }
        server.start()
    }

    URI url() {
        URI.create("http://127.0.0.1:${server.address.port}")
    }

    FakeBatch onlyBatch() {
        assert batches.size() == 1
        batches.values().first()
    }

    @Override
    void close() {
        server.stop(0)
        executor.shutdownNow()
    }

    static class FakeBatch {
        final String id = UUID.randomUUID().toString()
        String service
        String key
        List<String> output
        volatile String status = 'created'
        final Map<String, String> fingerprints = new ConcurrentHashMap<>()
        final List<ObjectNode> available = []
        ObjectNode held
        int fetchedSinceHold
        long records
        long completed
        int accepted
        int fetched
    }

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.requestURI.path
            String prefix = "/${TENANT}/api/v4"
            exchange.requestHeaders.each { String k, List<String> v -> headersSeen.put(k.toLowerCase(), v) }
            if (!authenticated(exchange)) {
                problem(exchange, 401, 'unauthorized', 'credentials are missing or wrong', null)
                return
            }
            if (!path.startsWith(prefix)) {
                problem(exchange, 404, 'not_found', path, null)
                return
            }
            route(exchange, exchange.requestMethod, path.substring(prefix.length()))
        } catch (Throwable e) {
            problem(exchange, 500, 'bug', e.toString(), null)
        }
    }

    private boolean authenticated(HttpExchange exchange) {
        def headers = exchange.requestHeaders
        if (headers.getFirst('x-synthetic-key') == API_KEY && headers.getFirst('x-tenant-name') == TENANT) {
            return true
        }
        headers.getFirst('Authorization') == "Bearer ${TOKEN}".toString()
    }

    private void route(HttpExchange exchange, String method, String path) {
        List<String> parts = path.split('/').findAll { String s -> !s.isEmpty() } as List<String>
        if (method == 'POST' && parts == ['batch']) {
            createBatch(exchange)
        } else if (method == 'GET' && parts == ['batch', 'status']) {
            send(exchange, 200, tenantView())
        } else if (parts.size() >= 2 && parts[0] == 'batch') {
            FakeBatch batch = batches[parts[1]]
            if (batch == null) {
                problem(exchange, 404, 'batch_not_found', "no batch ${parts[1]}", null)
            } else if (method == 'POST' && parts.size() == 3 && parts[2] == 'chunks') {
                postChunks(exchange, batch)
            } else if (method == 'GET' && parts.size() == 3 && parts[2] == 'status') {
                send(exchange, 200, status(batch))
            } else if (method == 'GET' && parts.size() == 3 && parts[2] == 'chunkresults') {
                chunkResults(exchange, batch)
            } else if (method == 'PATCH' && parts.size() == 2) {
                patch(exchange, batch)
            } else if (method == 'GET' && parts.size() == 2) {
                send(exchange, 200, batchView(batch))
            } else {
                problem(exchange, 404, 'not_found', path, null)
            }
        } else if (method == 'POST' && parts == ['execute']) {
            execute(exchange)
        } else if (method == 'GET' && parts == ['services']) {
            send(exchange, 200, json.readTree('{"data":[{"folder":"samples","service":"SalesExample","version":"1.0.0"}]}'))
        } else if (method == 'POST' && parts == ['services']) {
            String body = new String(exchange.requestBody.readAllBytes(), StandardCharsets.ISO_8859_1)
            send(exchange, 200, json.createObjectNode().put('multipart', body.contains('name="folder"') && body.contains('name="file"'))
                    .put('service_id', UUID.randomUUID().toString()))
        } else {
            problem(exchange, 404, 'not_found', path, null)
        }
    }

    private void createBatch(HttpExchange exchange) {
        JsonNode body = json.readTree(exchange.requestBody)
        if (body.path('service').asText() != 'samples/SalesExample') {
            problem(exchange, 404, 'service_not_found', "no service ${body.path('service').asText()}", null)
            return
        }
        FakeBatch batch = new FakeBatch(service: 'samples/SalesExample[1.0.0]',
                key: body.hasNonNull('unique_record_key') ? body.get('unique_record_key').asText() : null,
                output: body.has('output') ? (body.get('output').collect { JsonNode n -> n.asText() } as List<String>) : null)
        batches[batch.id] = batch
        if (createDelayMillis > 0) {
            Thread.sleep(createDelayMillis)
        }
        send(exchange, 200, batchView(batch))
    }

    private void postChunks(HttpExchange exchange, FakeBatch batch) {
        byte[] bytes = exchange.requestBody.readAllBytes()
        int n = posts.incrementAndGet()
        if (postDelayMillis > 0) {
            Thread.sleep(postDelayMillis)
        }
        if (unavailableEvery > 0 && n % unavailableEvery == 0) {
            problem(exchange, 503, 'unavailable', 'try again', null)
            return
        }
        JsonNode chunks = json.readTree(bytes).path('chunks')
        synchronized (batch) {
            if (batch.status in ['closed', 'cancelled', 'completed']) {
                problem(exchange, 409, 'batch_not_accepting_chunks', "the batch is ${batch.status}", null)
                return
            }
            List<JsonNode> fresh = []
            for (JsonNode chunk : chunks) {
                String id = chunk.path('id').asText()
                String print = fingerprint(chunk.toString())
                String known = batch.fingerprints[id]
                if (known == print) {
                    duplicates.incrementAndGet()
                } else if (known != null) {
                    conflicts.incrementAndGet()
                    problem(exchange, 409, 'chunk_conflict', "chunk ${id} was posted with other content", null)
                    return
                } else {
                    fresh << chunk
                }
            }
            if (batch.available.size() + (batch.held ? 1 : 0) + fresh.size() > bufferChunks) {
                tooManyRequests.incrementAndGet()
                problem(exchange, 429, 'input_buffer_full', 'the input buffer is full', '0')
                return
            }
            for (JsonNode chunk : fresh) {
                batch.fingerprints[chunk.path('id').asText()] = fingerprint(chunk.toString())
                ObjectNode result = compute(batch, chunk)
                batch.records += chunk.path('size').asLong()
                batch.accepted++
                if (batch.accepted == 1 && holdFirstChunkFor > 0) {
                    batch.held = result
                } else {
                    batch.available << result
                }
            }
            batch.status = 'in_progress'
        }
        if (lostResponseEvery > 0 && n % lostResponseEvery == 0) {
            problem(exchange, 500, 'lost', 'the response was lost', null)
            return
        }
        send(exchange, 200, status(batch))
    }

    private ObjectNode compute(FakeBatch batch, JsonNode chunk) {
        JsonNode inputs = chunk.path('data').path('inputs')
        JsonNode parameters = chunk.path('data').path('parameters')
        List<String> header = inputs.get(0).collect { JsonNode n -> n.asText() } as List<String>
        ObjectNode result = json.createObjectNode().put('id', chunk.path('id').asText())
        ArrayNode outputs = result.putArray('outputs')
        ArrayNode names = outputs.addArray()
        if (batch.key) {
            names.add(batch.key)
        }
        names.add('total')
        ArrayNode errors = result.putArray('errors')
        ArrayNode warnings = result.putArray('warnings')
        ArrayNode times = result.putArray('process_time')
        result.putArray('summary_output')
        for (int r = 1; r < inputs.size(); r++) {
            JsonNode row = inputs.get(r)
            Map<String, JsonNode> record = [:]
            header.eachWithIndex { String name, int i -> record[name] = row.get(i) }
            ArrayNode out = outputs.addArray()
            if (batch.key) {
                out.add(record[batch.key])
            }
            JsonNode price = record['price']
            JsonNode quantity = record['quantity']
            JsonNode tax = record.containsKey('tax') && !record['tax'].isNull() ? record['tax'] : (parameters.has('tax') ? parameters.get('tax') : json.getNodeFactory().numberNode(0.1d))
            if (price == null || !price.isNumber() || quantity == null || !quantity.isNumber()) {
                out.addNull()
                errors.addObject().put('source_path', 'price').put('message', 'not a number').put('error_type', '#VALUE!')
            } else {
                out.add(total(price.decimalValue(), quantity.decimalValue(), tax.decimalValue()))
                errors.addNull()
            }
            warnings.addNull()
            times.add(0)
        }
        if (reverseRows) {
            List<JsonNode> body = (1..<outputs.size()).collect { int i -> outputs.get(i) }
            List<JsonNode> errs = (0..<errors.size()).collect { int i -> errors.get(i) }
            outputs.removeAll()
            errors.removeAll()
            outputs.add(names)
            body.reverse().each { JsonNode n -> outputs.add(n) }
            errs.reverse().each { JsonNode n -> errors.add(n) }
        }
        result
    }

    static BigDecimal total(BigDecimal price, BigDecimal quantity, BigDecimal tax) {
        (price * quantity * (BigDecimal.ONE + tax)).setScale(2, RoundingMode.HALF_UP)
    }

    private void chunkResults(HttpExchange exchange, FakeBatch batch) {
        String query = exchange.requestURI.query ?: ''
        java.util.regex.Matcher m = java.util.regex.Pattern.compile('max=(\\d+)').matcher(query)
        int max = m.find() ? Integer.parseInt(m.group(1)) : 50
        ObjectNode body = json.createObjectNode()
        ArrayNode data = body.putArray('data')
        synchronized (batch) {
            for (int i = 0; i < max && !batch.available.isEmpty(); i++) {
                ObjectNode chunk = batch.available.remove(ThreadLocalRandom.current().nextInt(batch.available.size()))
                data.add(chunk)
                batch.completed += chunk.get('errors').size()
                batch.fetched++
                if (batch.held != null && ++batch.fetchedSinceHold >= holdFirstChunkFor) {
                    batch.available << batch.held
                    batch.held = null
                }
            }
            if (batch.status == 'closed' && batch.available.isEmpty() && batch.held == null) {
                batch.status = 'completed'
            }
        }
        body.set('status', status(batch))
        send(exchange, 200, body)
    }

    private void patch(HttpExchange exchange, FakeBatch batch) {
        String wanted = json.readTree(exchange.requestBody).path('batch_status').asText()
        synchronized (batch) {
            if (wanted == 'cancelled') {
                cancels.incrementAndGet()
                batch.available.clear()
                batch.held = null
                batch.status = 'cancelled'
            } else if (wanted == 'closed') {
                batch.status = batch.available.isEmpty() && batch.held == null ? 'completed' : 'closed'
            }
        }
        send(exchange, 200, batchView(batch))
    }

    private void execute(HttpExchange exchange) {
        JsonNode body = json.readTree(exchange.requestBody)
        JsonNode record = body.path('inputs').get(0)
        BigDecimal tax = record.has('tax') ? record.get('tax').decimalValue() : 0.1G
        ObjectNode answer = json.createObjectNode()
        answer.putArray('outputs').addObject().put('total', total(record.get('price').decimalValue(), record.get('quantity').decimalValue(), tax))
        answer.put('service', body.path('service').asText())
        send(exchange, 200, answer)
    }

    private ObjectNode status(FakeBatch batch) {
        synchronized (batch) {
            json.createObjectNode().put('batch_status', batch.status).put('pipeline_status', 'idle')
                    .put('chunks_available', batch.available.size()).put('chunks_submitted', batch.accepted)
                    .put('record_submitted', batch.records).put('chunks_completed', batch.fetched)
                    .put('records_completed', batch.completed).put('records_available', 0)
        }
    }

    private ObjectNode batchView(FakeBatch batch) {
        ObjectNode view = json.createObjectNode().put('object', 'batch').put('id', batch.id)
        view.putObject('data').put('batch_status', batch.status).put('service_uri', batch.service)
                .put('unique_record_key', batch.key)
        view
    }

    private ObjectNode tenantView() {
        ObjectNode view = json.createObjectNode()
        ArrayNode inProgress = view.putArray('in_progress_batches')
        ArrayNode recent = view.putArray('recent_batches')
        batches.values().each { FakeBatch b -> (b.status in ['completed', 'cancelled'] ? recent : inProgress).add(batchView(b)) }
        view
    }

    private static String fingerprint(String text) {
        MessageDigest.getInstance('SHA-256').digest(text.getBytes(StandardCharsets.UTF_8)).encodeHex().toString()
    }

    private void problem(HttpExchange exchange, int status, String code, String detail, String retryAfter) {
        if (retryAfter != null) {
            exchange.responseHeaders.add('Retry-After', retryAfter)
        }
        ObjectNode body = json.createObjectNode().put('status', status).put('code', code).put('detail', detail)
        send(exchange, status, body, 'application/problem+json')
    }

    private void send(HttpExchange exchange, int status, JsonNode body, String type = 'application/json') {
        byte[] bytes = json.writeValueAsBytes(body)
        exchange.responseHeaders.add('Content-Type', type)
        exchange.sendResponseHeaders(status, bytes.length)
        exchange.responseBody.withCloseable { OutputStream out -> out.write(bytes) }
    }
}
