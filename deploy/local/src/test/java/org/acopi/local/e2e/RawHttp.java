package org.acopi.local.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange with {@code Expect: 100-continue} over a plain socket, as curl does it: the headers go first
 * and the body only after {@code 100 Continue}, so a server that refuses the body by its length (413) can answer
 * without receiving it (JDK 17's HttpClient fails when the final answer comes instead of 100). A server that says 100
 * at once and then refuses may close while the body is still being sent; its answer is read all the same. The
 * connection is closed after the answer, whose body is read to the end (chunked bodies are joined).
 */
final class RawHttp {

    private RawHttp() {
    }

    static BadInputCatalogueTest.Answer exchange(URI uri, String method, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\nExpect: 100-continue\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = line(in);
            Map<String, String> answerHeaders = headers(in);
            if (status.contains(" 100 ")) {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed without reading the whole body: its answer is still to be read
                }
                status = line(in);
                answerHeaders = headers(in);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if ("chunked".equalsIgnoreCase(answerHeaders.getOrDefault("transfer-encoding", ""))) {
                text = text.replaceAll("(?m)^[0-9a-fA-F]+\r\n", "").replace("\r\n", "");
            }
            return new BadInputCatalogueTest.Answer(Integer.parseInt(status.split(" ")[1]),
                    answerHeaders.getOrDefault("content-type", ""), text);
        }
    }

    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new java.util.HashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
