"""A stored English search vector on agenda items (their title) and paragraphs (their text), PostgreSQL only.

The search page and its filters ask ``search_vector @@ websearch_to_tsquery('english', ...)`` of each table
and rank by it: the GIN index serves the match, the stored vector the ranking without parsing every text
again. A trigger keeps the column when the text is written, so bulk inserts and raw SQL keep it too. The
column is not a model field: SQLite has no text search (the app searches there by contains), and the
ORM never reads or writes it.
"""

from django.db import migrations

FUNCTION = """
CREATE FUNCTION idmg_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV[0] names the column searched: one function for every table.
    NEW.search_vector := to_tsvector('english'::regconfig, coalesce(to_jsonb(NEW) ->> TG_ARGV[0], ''));
    RETURN NEW;
END
$$;
"""


def searchable(table, column):
    """The SQL that gives ``table`` a search vector of ``column``, filled, indexed and kept by a trigger."""
    return [
        f"ALTER TABLE {table} ADD COLUMN search_vector tsvector",
        f"UPDATE {table} SET search_vector = to_tsvector('english'::regconfig, coalesce({column}, ''))",
        f"CREATE INDEX {table}_search_vector ON {table} USING gin (search_vector)",
        f"CREATE TRIGGER {table}_search_vector BEFORE INSERT OR UPDATE OF {column} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION idmg_search_vector('{column}')",
    ]


def unsearchable(table):
    return [f"DROP TRIGGER {table}_search_vector ON {table}", f"ALTER TABLE {table} DROP COLUMN search_vector"]


def on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0003_say_the_meeting_rules_and_text_limits"),
    ]

    operations = [
        migrations.RunPython(
            on_postgresql(
                [FUNCTION, *searchable("meetings_agendaitem", "title"), *searchable("meetings_paragraph", "text")]
            ),
            on_postgresql(
                [
                    *unsearchable("meetings_agendaitem"),
                    *unsearchable("meetings_paragraph"),
                    "DROP FUNCTION idmg_search_vector()",
                ]
            ),
        ),
    ]
