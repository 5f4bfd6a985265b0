package io.sluice.webapp.dashboard

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets

/**
 * A browser's view of the dashboard for HTTP specs: keeps cookies (including Secure ones, as a
 * browser does on localhost), follows no redirects, and posts forms with the page's CSRF token.
 */
class WebSession {

    final URI base
    final Map<String, String> cookies = [:]
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()

    WebSession(URI base) {
        this.base = base
    }

    HttpResponse<String> get(String path, Map<String, String> headers = [:]) {
        send(builder(path, headers).GET().build())
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields, Map<String, String> headers = [:]) {
        def body = fields.collect { k, v -> "${enc(k)}=${enc(v)}" }.join('&')
        send(builder(path, headers + ['Content-Type': 'application/x-www-form-urlencoded'])
                .POST(HttpRequest.BodyPublishers.ofString(body)).build())
    }

    HttpResponse<String> postMultipart(String path, Map<String, Object> parts, Map<String, String> headers = [:]) {
        def boundary = 'sluice' + UUID.randomUUID().toString().replace('-', '')
        def out = new ByteArrayOutputStream()
        parts.each { name, value ->
            out << "--${boundary}\r\n"
            if (value instanceof Map) {
                out << "Content-Disposition: form-data; name=\"${name}\"; filename=\"${value.filename}\"\r\n"
                out << "Content-Type: application/octet-stream\r\n\r\n"
                out << (value.bytes as byte[])
            } else {
                out << "Content-Disposition: form-data; name=\"${name}\"\r\n\r\n"
                out << value.toString().getBytes(StandardCharsets.UTF_8)
            }
            out << '\r\n'
        }
        out << "--${boundary}--\r\n"
        send(builder(path, headers + ['Content-Type': "multipart/form-data; boundary=${boundary}".toString()])
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build())
    }

    /** Opens the sign-in page (which issues the CSRF cookie) and signs in. */
    HttpResponse<String> signIn(String tenant, String username, String password) {
        get('/sign-in')
        postForm('/sign-in', [csrfToken: csrf(), tenant: tenant, username: username, password: password])
    }

    String csrf() {
        cookies['sluice_csrf']
    }

    private HttpRequest.Builder builder(String path, Map<String, String> headers) {
        def builder = HttpRequest.newBuilder(base.resolve(path)).timeout(java.time.Duration.ofSeconds(30))
        if (cookies) {
            builder.header('Cookie', cookies.collect { k, v -> "${k}=${v}" }.join('; '))
        }
        headers.each { k, v -> builder.header(k, v) }
        builder
    }

    private HttpResponse<String> send(HttpRequest request) {
        def response = http.send(request, HttpResponse.BodyHandlers.ofString())
        response.headers().allValues('set-cookie').each { header ->
            def (name, value) = header.split(';')[0].split('=', 2).toList()
            if (header.toLowerCase().contains('max-age=0')) {
                cookies.remove(name)
            } else {
                cookies[name] = value
            }
        }
        response
    }

    private static String enc(Object value) {
        URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)
    }
}
