package io.github.gb28181.camel.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.apache.camel.ProducerTemplate;

/**
 * The Java and YAML code blocks of the Markdown docs, and a compiler for the Java ones: a block with a
 * {@code from(...)} is the body of a RouteBuilder's configure(); any other block is statements run with a
 * {@code template} (a ProducerTemplate) in scope. Imports cover the component's public packages, as a user's class
 * would have them.
 */
public final class DocSnippets {

    /** A code block: where it is, its language (java, yaml) and its text. */
    public record Snippet(String file, int line, String language, String code) {

        public boolean isRoutes() {
            return language.equals("java") ? code.contains("from(") : code.trim().startsWith("- ");
        }

        @Override
        public String toString() {
            return file + ":" + line + " (" + language + ")";
        }
    }

    /** What a statements block compiles to. */
    public interface Statements {
        void run(ProducerTemplate template) throws Exception;
    }

    private static final Pattern FENCE = Pattern.compile("(?m)^```(java|yaml)\\s*\\n(.*?)^```", Pattern.DOTALL);
    private static final String IMPORTS = """
            import java.util.*;
            import io.github.gb28181.camel.*;
            import io.github.gb28181.camel.event.*;
            import io.github.gb28181.camel.manscdp.model.*;
            import io.github.gb28181.camel.sip.media.MediaSession;
            import org.apache.camel.*;
            import org.apache.camel.builder.RouteBuilder;
            """;

    private DocSnippets() {
    }

    public static List<Snippet> of(Path... files) throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = FENCE.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).lines().count() + 1;
                snippets.add(new Snippet(file.getFileName().toString(), line, m.group(1), m.group(2)));
            }
        }
        return snippets;
    }

    /** Compiles a Java block into a RouteBuilder or {@link Statements}; a compile error fails with javac's words. */
    public static Object compile(Snippet snippet, String code) throws Exception {
        String name = "Snippet" + Math.abs((snippet.file() + snippet.line()).hashCode());
        String head = "package snippets;\n" + IMPORTS + (snippet.isRoutes()
                ? "public class " + name + " extends RouteBuilder {\n  @Override public void configure() throws Exception {\n"
                : "public class " + name + " implements " + Statements.class.getCanonicalName()
                  + " {\n  @Override public void run(ProducerTemplate template) throws Exception {\n");
        long headLines = head.lines().count();
        String source = head + code + "\n  }\n}\n";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        JavaFileManager inMemory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(className, c -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///snippets/" + name + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        // surefire may hide the class path behind a manifest-only jar; it tells it here
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringWriter out = new StringWriter();
        boolean ok = compiler.getTask(out, inMemory, diagnostics, List.of("-classpath", classPath, "-proc:none"), null,
                List.of(unit)).call();
        if (!ok) {
            StringBuilder message = new StringBuilder(snippet + " does not compile:\n");
            diagnostics.getDiagnostics().forEach(d -> message.append("  line ").append(d.getLineNumber() - headLines)
                    .append(": ").append(d.getMessage(null)).append('\n'));
            throw new AssertionError(message.append(source).toString());
        }
        ClassLoader loader = new ClassLoader(DocSnippets.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String className) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(className);
                if (bytes == null) {
                    throw new ClassNotFoundException(className);
                }
                byte[] b = bytes.toByteArray();
                return defineClass(className, b, 0, b.length);
            }
        };
        return loader.loadClass("snippets." + name).getDeclaredConstructor().newInstance();
    }
}
