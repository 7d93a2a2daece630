package org.ecobugs.rules.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records as JSON and back, through Jackson's streaming generator and parser, by their components: a record is an
 * object of its components by name, a list or a set an array, an enum constant its name, a path its text. A null component and an empty list are left out, and read back as null and an empty list;
 * an unknown or repeated field is an error, and so is a value its record's constructor refuses.
 *
 * <p>Jackson's data binding does the same, but its first look at the records cost a command-line run more than the
 * whole read and write of a cache file; reflection on the record components costs almost nothing.
 */
final class JsonRecords {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private JsonRecords() {}

    /** Writes a value, leaving the stream open. */
    static void write(OutputStream out, Object value) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeValue(json, value);
        }
    }

    /** Reads a value of that type, which must be all the stream holds. */
    static <T> T read(InputStream in, Class<T> type) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            json.nextToken();
            T value = type.cast(readValue(json, type));
            if (json.nextToken() != null) {
                throw new JsonParseException(json, "more after the value");
            }
            return value;
        }
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Record record) {
            Shape shape = SHAPES.get(record.getClass());
            json.writeStartObject();
            for (int i = 0; i < shape.names.length; i++) {
                Object component = shape.component(record, i);
                if (component != null && !(component instanceof List<?> list && list.isEmpty())) {
                    json.writeFieldName(shape.names[i]);
                    writeValue(json, component);
                }
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Enum<?> constant) {
            json.writeString(constant.name());
        } else if (value instanceof Path path) {
            json.writeString(path.toString());
        } else {
            throw new IllegalArgumentException(
                    "No JSON form for " + value.getClass().getName());
        }
    }

    private static Object readValue(JsonParser json, Type type) throws IOException {
        Class<?> raw = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL && !raw.isPrimitive()) {
            return null;
        }
        if (raw == String.class) {
            expect(json, JsonToken.VALUE_STRING);
            return json.getText();
        }
        if (raw == int.class) {
            expect(json, JsonToken.VALUE_NUMBER_INT);
            return json.getIntValue();
        }
        if (raw == boolean.class) {
            if (!token.isBoolean()) {
                throw new JsonParseException(json, "expected true or false, not " + token);
            }
            return json.getBooleanValue();
        }
        if (raw == List.class) {
            return Collections.unmodifiableList(readItems(json, type, new ArrayList<>()));
        }
        if (raw == Set.class) {
            // In the order written: a file's names, whose first use the dependency rules tell.
            return Collections.unmodifiableSet(readItems(json, type, new LinkedHashSet<>()));
        }
        if (raw.isRecord()) {
            return readRecord(json, raw);
        }
        expect(json, JsonToken.VALUE_STRING);
        String text = json.getText();
        try {
            if (raw.isEnum()) {
                return enumConstant(raw, text);
            }
            if (raw == Path.class) {
                return Path.of(text);
            }
        } catch (IllegalArgumentException e) {
            throw new JsonParseException(json, "not a " + raw.getSimpleName() + ": " + text, e);
        }
        throw new IllegalArgumentException("No JSON form for " + type);
    }

    private static <C extends Collection<Object>> C readItems(JsonParser json, Type type, C items) throws IOException {
        expect(json, JsonToken.START_ARRAY);
        Type itemType = ((ParameterizedType) type).getActualTypeArguments()[0];
        while (json.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(json, itemType));
        }
        return items;
    }

    private static Object readRecord(JsonParser json, Class<?> type) throws IOException {
        expect(json, JsonToken.START_OBJECT);
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.names.length];
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            int i = shape.index(json.currentName());
            if (i < 0) {
                throw new JsonParseException(json, type.getSimpleName() + " has no " + json.currentName());
            }
            json.nextToken();
            values[i] = readValue(json, shape.types[i]);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = shape.absent[i];
            }
        }
        try {
            return shape.constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new JsonParseException(json, "not a valid " + type.getSimpleName() + ": " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static void expect(JsonParser json, JsonToken token) throws IOException {
        if (json.currentToken() != token) {
            throw new JsonParseException(json, "expected " + token + ", not " + json.currentToken());
        }
    }

    /**
     * A record type's components and canonical constructor.
     *
     * @param absent what each component left out of the JSON stands for
     */
    private record Shape(
            String[] names, Type[] types, Object[] absent, Method[] accessors, Constructor<?> constructor) {

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Type[] types = new Type[components.length];
            Method[] accessors = new Method[components.length];
            Object[] absent = new Object[components.length];
            Class<?>[] parameters = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getGenericType();
                accessors[i] = components[i].getAccessor();
                parameters[i] = components[i].getType();
                absent[i] = absent(parameters[i]);
            }
            try {
                return new Shape(names, types, absent, accessors, type.getDeclaredConstructor(parameters));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("A record has its canonical constructor: " + type.getName(), e);
            }
        }

        Object component(Record record, int i) {
            try {
                return accessors[i].invoke(record);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(
                        names[i] + " of " + record.getClass().getName() + " failed", e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + names[i] + " of " + record.getClass(), e);
            }
        }

        int index(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private static Object absent(Class<?> type) {
            if (type == int.class) {
                return 0;
            }
            if (type == boolean.class) {
                return false;
            }
            return type == List.class ? List.of() : null;
        }
    }
}
