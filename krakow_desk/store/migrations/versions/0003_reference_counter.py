"""reference counter

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 13:00:00

Letters are numbered per year in the office's pattern; the last number handed out in each year
is kept in ``reference_counter`` and raised in the transaction that saves the letter.
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'reference_counter',
        sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('last', sa.Integer(), nullable=False),
        sa.CheckConstraint('last >= 0', name=op.f('ck_reference_counter_last_not_negative')),
        sa.PrimaryKeyConstraint('year', name=op.f('pk_reference_counter')),
    )


def downgrade() -> None:
    op.drop_table('reference_counter')
