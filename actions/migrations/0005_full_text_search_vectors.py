"""A stored English search vector on actions and updates (their text), PostgreSQL only.

The search page, and the register's text filter (``Action.objects.matching``), ask
``search_vector @@ websearch_to_tsquery('english', ...)``: the GIN index serves it, and the stored vector
ranks results without parsing every text again. Kept by the trigger function of ``meetings.0004``
whenever the text is written; not a model field (see there).
"""

from django.db import migrations


def searchable(table, column):
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
        ("actions", "0004_update_withdrawal"),
        ("meetings", "0004_full_text_search_vectors"),
    ]

    operations = [
        migrations.RunPython(
            on_postgresql([*searchable("actions_action", "text"), *searchable("actions_update", "text")]),
            on_postgresql([*unsearchable("actions_action"), *unsearchable("actions_update")]),
        ),
    ]
