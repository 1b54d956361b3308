"""change history, record versions, personal-data fields

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 18:00:00

- ``version`` on every record people edit (optimistic locking: a save from an older copy is
  refused and shown to the person instead of overwriting someone else's work);
- ``change_log``: the append-only, hash-chained history, and ``history_head`` (its last entry,
  the row every writer locks); triggers refuse to delete history entries or to change them other
  than by clearing an erased person's values;
- ``person.retention_note`` and ``person.erased_on`` for personal data (GDPR).

History starts with this revision: changes made before it were never logged.
"""
from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

VERSIONED = ('source', 'partner', 'agreement', 'organisation', 'membership', 'institution',
             'person', 'visit', 'event', 'gift', 'letter', 'task')
GENESIS = '0' * 64
APPEND_ONLY = 'the change history is append-only'
# An update may only mark an entry redacted and clear its key and changes; the chain stays.
KEEPS_CHAIN = ("NEW.redacted AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor = OLD.actor "
               "AND NEW.kind = OLD.kind AND NEW.action = OLD.action AND NEW.digest = OLD.digest "
               "AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash "
               "AND NEW.record_id IS NOT DISTINCT FROM OLD.record_id")


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False))
    with op.batch_alter_table('person') as batch:
        batch.add_column(sa.Column('retention_note', sa.Text(), nullable=True))
        batch.add_column(sa.Column('erased_on', sa.Date(), nullable=True))
    op.create_table(
        'change_log',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('at', sa.String(length=32), nullable=False),
        sa.Column('actor', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('record_key', sa.String(length=120), nullable=False),
        sa.Column('record_id', sa.Integer(), nullable=True),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('changes', sa.Text(), nullable=False),
        sa.Column('digest', sa.String(length=64), nullable=False),
        sa.Column('prev_hash', sa.String(length=64), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.Column('redacted', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log')),
    )
    op.create_index('ix_change_log_kind_record', 'change_log', ['kind', 'record_id'], unique=False)
    head = op.create_table(
        'history_head',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('last_id', sa.Integer(), nullable=False),
        sa.Column('last_hash', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_history_head')),
    )
    op.bulk_insert(head, [{'id': 1, 'last_id': 0, 'last_hash': GENESIS}])
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f"""
            CREATE FUNCTION change_log_append_only() RETURNS trigger AS $$
            BEGIN
              IF TG_OP = 'UPDATE' AND {KEEPS_CHAIN} THEN RETURN NEW; END IF;
              RAISE EXCEPTION '{APPEND_ONLY}';
            END $$ LANGUAGE plpgsql""")
        op.execute("CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE ON change_log "
                   "FOR EACH ROW EXECUTE FUNCTION change_log_append_only()")
    else:
        op.execute(f"CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log "
                   f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END")
        keeps = KEEPS_CHAIN.replace("IS NOT DISTINCT FROM", "IS")
        op.execute(f"CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log "
                   f"WHEN NOT ({keeps}) BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER change_log_append_only ON change_log")
        op.execute("DROP FUNCTION change_log_append_only()")
    else:
        op.execute("DROP TRIGGER change_log_no_delete")
        op.execute("DROP TRIGGER change_log_no_update")
    op.drop_table('history_head')
    op.drop_index('ix_change_log_kind_record', table_name='change_log')
    op.drop_table('change_log')
    with op.batch_alter_table('person') as batch:
        batch.drop_column('erased_on')
        batch.drop_column('retention_note')
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table) as batch:
            batch.drop_column('version')
