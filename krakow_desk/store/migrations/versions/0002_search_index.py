"""search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:00:00

One row per searchable record in ``search_entry`` (folded names and other text); on SQLite an
FTS5 table over it, kept in step by triggers. Existing records are indexed at once.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel  # noqa: F401

from krakow_desk.store import search_index

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# The FTS5 tokenizer sees text already folded and split by search_index.tokens: it must not fold
# again (remove_diacritics 0) and must keep combining marks inside words, as tokens() does.
SQLITE_FTS = (
    """CREATE VIRTUAL TABLE search_fts USING fts5(names, other, content='search_entry',
       content_rowid='id', tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'",
       prefix='1 2 3')""",
    """CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN
       INSERT INTO search_fts(rowid, names, other) VALUES (new.id, new.names, new.other); END""",
    """CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN
       INSERT INTO search_fts(search_fts, rowid, names, other)
       VALUES ('delete', old.id, old.names, old.other); END""",
    """CREATE TRIGGER search_entry_au AFTER UPDATE OF names, other ON search_entry BEGIN
       INSERT INTO search_fts(search_fts, rowid, names, other)
       VALUES ('delete', old.id, old.names, old.other);
       INSERT INTO search_fts(rowid, names, other) VALUES (new.id, new.names, new.other); END""",
)


def _fts5_available(bind) -> bool:  # noqa: ANN001
    try:
        return bind.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar() == 1 \
            or bind.exec_driver_sql("SELECT 1 FROM pragma_module_list WHERE name = 'fts5'").first() is not None
    except sa.exc.DBAPIError:
        return False


def upgrade() -> None:
    op.create_table('search_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('names', sa.Text(), nullable=False),
    sa.Column('other', sa.Text(), nullable=False),
    # A deleted partner leaves no stale partner on the entries that named it.
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_search_entry_partner_id_partner'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_entry')),
    sa.UniqueConstraint('kind', 'record_id', name='uq_search_entry_kind_record')
    )
    with op.batch_alter_table('search_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_entry_partner_id'), ['partner_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and _fts5_available(bind):
        for statement in SQLITE_FTS:
            bind.exec_driver_sql(statement)
    search_index.rebuild(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("search_entry_au", "search_entry_ad", "search_entry_ai"):
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        bind.exec_driver_sql("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table('search_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_entry_partner_id'))
    op.drop_table('search_entry')
