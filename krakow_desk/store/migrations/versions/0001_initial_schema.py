"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 10:01:33.428103
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('setting',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source')),
    sa.UniqueConstraint('key', name=op.f('uq_source_key'))
    )
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.Enum('city_presentation', 'partner_presentation', 'fair', 'conference', 'festival', 'jubilee', 'exhibition', 'project', 'training', 'other', name='eventkind', native_enum=False, length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('start_on_precision', sa.Enum('day', 'month', 'year', name='precision', native_enum=False, length=32), server_default='day', nullable=False),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('end_on_precision', sa.Enum('day', 'month', 'year', name='precision', native_enum=False, length=32), server_default='day', nullable=False),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('organisers', sa.Text(), nullable=True),
    sa.Column('programme_name', sa.Text(), nullable=True),
    sa.Column('budget', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('co_financing', sa.Text(), nullable=True),
    sa.Column('outcomes', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.CheckConstraint('budget IS NULL OR budget >= 0', name=op.f('ck_event_budget_not_negative')),
    sa.CheckConstraint('end_on IS NULL OR start_on IS NULL OR end_on >= start_on', name=op.f('ck_event_dates_order')),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_event_source_source'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    sa.UniqueConstraint('key', name=op.f('uq_event_key'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_start_on'), ['start_on'], unique=False)

    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=True),
    sa.Column('acronym', sa.String(length=40), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_organisation_source_source'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
    sa.UniqueConstraint('key', name=op.f('uq_organisation_key'))
    )
    op.create_table('partner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=True),
    sa.Column('name_native', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.Enum('city', 'region', name='partnerkind', native_enum=False, length=32), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('is_capital', sa.Boolean(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('coordinates_source', sa.String(length=120), nullable=True),
    sa.Column('population', sa.Integer(), nullable=True),
    sa.Column('population_year', sa.Integer(), nullable=True),
    sa.Column('population_source', sa.String(length=120), nullable=True),
    sa.Column('area_km2', sa.Float(), nullable=True),
    sa.Column('area_source', sa.String(length=120), nullable=True),
    sa.Column('elevation_m', sa.Float(), nullable=True),
    sa.Column('elevation_source', sa.String(length=120), nullable=True),
    sa.Column('category', sa.Enum('twin_city', 'partner_city', 'honorary_twin_city', 'no_agreement', name='category', native_enum=False, length=32), nullable=True),
    sa.Column('assessment', sa.Enum('exemplary', 'active', 'satisfactory', 'developing', 'occasional', 'weak', 'inactive', name='assessment', native_enum=False, length=32), nullable=True),
    sa.Column('assessment_note', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.CheckConstraint('area_km2 IS NULL OR area_km2 > 0', name=op.f('ck_partner_area_positive')),
    sa.CheckConstraint('latitude IS NULL OR (latitude >= -90 AND latitude <= 90)', name=op.f('ck_partner_latitude_range')),
    sa.CheckConstraint('longitude IS NULL OR (longitude >= -180 AND longitude <= 180)', name=op.f('ck_partner_longitude_range')),
    sa.CheckConstraint('population IS NULL OR population >= 0', name=op.f('ck_partner_population_not_negative')),
    sa.ForeignKeyConstraint(['area_source'], ['source.key'], name=op.f('fk_partner_area_source_source'), onupdate='CASCADE'),
    sa.ForeignKeyConstraint(['coordinates_source'], ['source.key'], name=op.f('fk_partner_coordinates_source_source'), onupdate='CASCADE'),
    sa.ForeignKeyConstraint(['elevation_source'], ['source.key'], name=op.f('fk_partner_elevation_source_source'), onupdate='CASCADE'),
    sa.ForeignKeyConstraint(['population_source'], ['source.key'], name=op.f('fk_partner_population_source_source'), onupdate='CASCADE'),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_partner_source_source'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner')),
    sa.UniqueConstraint('key', name=op.f('uq_partner_key'))
    )
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_country'), ['country'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_name'), ['name'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('given_name', sa.String(length=200), nullable=True),
    sa.Column('family_name', sa.String(length=200), nullable=False),
    sa.Column('name_native', sa.String(length=300), nullable=True),
    sa.Column('honorific', sa.String(length=80), nullable=True),
    sa.Column('title', sa.String(length=120), nullable=True),
    sa.Column('function', sa.Text(), nullable=True),
    sa.Column('languages', sa.JSON(), server_default='[]', nullable=False),
    sa.Column('emails', sa.JSON(), server_default='[]', nullable=False),
    sa.Column('phones', sa.JSON(), server_default='[]', nullable=False),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('salutation', sa.Text(), nullable=True),
    sa.Column('salutation_pl', sa.Text(), nullable=True),
    sa.Column('precedence', sa.Integer(), nullable=True),
    sa.Column('dietary_notes', sa.Text(), nullable=True),
    sa.Column('accessibility_notes', sa.Text(), nullable=True),
    sa.Column('lawful_basis', sa.Enum('public_task', 'legitimate_interest', 'consent', 'contract', name='lawfulbasis', native_enum=False, length=32), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.CheckConstraint('precedence IS NULL OR precedence >= 0', name=op.f('ck_person_precedence_not_negative')),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_person_source_source'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('key', name=op.f('uq_person_key'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_family_name'), ['family_name'], unique=False)

    op.create_table('visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('direction', sa.Enum('incoming', 'outgoing', name='direction', native_enum=False, length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('kind', sa.Enum('official', 'working', 'study', name='visitkind', native_enum=False, length=32), nullable=True),
    sa.Column('status', sa.Enum('planned', 'confirmed', 'done', 'cancelled', name='visitstatus', native_enum=False, length=32), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('start_on_precision', sa.Enum('day', 'month', 'year', name='precision', native_enum=False, length=32), server_default='day', nullable=False),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('end_on_precision', sa.Enum('day', 'month', 'year', name='precision', native_enum=False, length=32), server_default='day', nullable=False),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('accommodation', sa.Text(), nullable=True),
    sa.Column('transport', sa.Text(), nullable=True),
    sa.Column('interpreters', sa.Text(), nullable=True),
    sa.Column('outcomes', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.CheckConstraint('end_on IS NULL OR start_on IS NULL OR end_on >= start_on', name=op.f('ck_visit_dates_order')),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_visit_source_source'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit')),
    sa.UniqueConstraint('key', name=op.f('uq_visit_key'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_start_on'), ['start_on'], unique=False)

    op.create_table('yearly_figure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('metric', sa.Enum('delegations_received', 'delegations_from_partners', 'trips_abroad', 'presentations_and_fairs', name='figuremetric', native_enum=False, length=32), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('approximate', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.CheckConstraint('value >= 0', name=op.f('ck_yearly_figure_value_not_negative')),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_yearly_figure_source_source'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_yearly_figure')),
    sa.UniqueConstraint('year', 'metric', name='uq_yearly_figure_year_metric')
    )
    op.create_table('agreement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('twin_city_agreement', 'partnership_agreement', 'honorary_twin_city_title', 'cooperation_agreement', 'understanding', 'letter_of_intent', 'declaration', 'joint_statement', 'friendship_pact', 'cooperation_protocol', 'cooperation_programme', 'memorandum', name='agreementkind', native_enum=False, length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('signed_on_precision', sa.Enum('day', 'month', 'year', name='precision', native_enum=False, length=32), server_default='day', nullable=False),
    sa.Column('party_krakow', sa.Text(), nullable=True),
    sa.Column('party_partner', sa.Text(), nullable=True),
    sa.Column('signatory_krakow', sa.Text(), nullable=True),
    sa.Column('signatory_partner', sa.Text(), nullable=True),
    sa.Column('term_start', sa.Date(), nullable=True),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('indefinite', sa.Boolean(), nullable=False),
    sa.Column('term_months', sa.Integer(), nullable=True),
    sa.Column('auto_renews', sa.Boolean(), nullable=False),
    sa.Column('renewal_months', sa.Integer(), nullable=True),
    sa.Column('notice_months', sa.Integer(), nullable=True),
    sa.Column('terminated_on', sa.Date(), nullable=True),
    sa.Column('relation', sa.Enum('renews', 'amends', 'replaces', 'confirms', 'supplements', name='agreementrelation', native_enum=False, length=32), nullable=True),
    sa.Column('related_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.CheckConstraint('notice_months IS NULL OR notice_months >= 0', name=op.f('ck_agreement_notice_not_negative')),
    sa.CheckConstraint('renewal_months IS NULL OR renewal_months > 0', name=op.f('ck_agreement_renewal_positive')),
    sa.CheckConstraint('term_end IS NULL OR term_start IS NULL OR term_end >= term_start', name=op.f('ck_agreement_term_order')),
    sa.CheckConstraint('term_months IS NULL OR term_months > 0', name=op.f('ck_agreement_term_positive')),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_agreement_partner_id_partner'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['related_id'], ['agreement.id'], name=op.f('fk_agreement_related_id_agreement'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_agreement_source_source'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement')),
    sa.UniqueConstraint('key', name=op.f('uq_agreement_key'))
    )
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_related_id'), ['related_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_signed_on'), ['signed_on'], unique=False)

    op.create_table('event_domain',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('domain', sa.Enum('culture', 'education', 'science', 'youth', 'sport', 'economy', 'tourism', 'promotion', 'social_welfare', 'health', 'environment', 'municipal_management', 'transport', 'fire_rescue', 'heritage_protection', 'eu_funds', 'local_government', 'urban_regeneration', 'public_safety', 'crisis_management', 'diaspora', 'european_integration', 'disability', 'seniors', 'trade_fairs', name='domain', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_domain_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'domain', name=op.f('pk_event_domain'))
    )
    op.create_table('event_partner',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_partner_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_event_partner_partner_id_partner'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('event_id', 'partner_id', name=op.f('pk_event_partner'))
    )
    with op.batch_alter_table('event_partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_partner_partner_id'), ['partner_id'], unique=False)

    op.create_table('gift',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('direction', sa.Enum('given', 'received', name='giftdirection', native_enum=False, length=32), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.Enum('day', 'month', 'year', name='precision', native_enum=False, length=32), server_default='day', nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('giver', sa.Text(), nullable=True),
    sa.Column('recipient', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('category', sa.Enum('artwork', 'book', 'vehicle', 'equipment', 'medical', 'financial_aid', 'material_aid', 'commemorative', 'other', name='giftcategory', native_enum=False, length=32), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('value', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('disposition', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.CheckConstraint('quantity IS NULL OR quantity > 0', name=op.f('ck_gift_quantity_positive')),
    sa.CheckConstraint('value IS NULL OR value >= 0', name=op.f('ck_gift_value_not_negative')),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_gift_partner_id_partner'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_gift_source_source'), onupdate='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_gift_visit_id_visit'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gift')),
    sa.UniqueConstraint('key', name=op.f('uq_gift_key'))
    )
    with op.batch_alter_table('gift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gift_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_gift_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gift_visit_id'), ['visit_id'], unique=False)

    op.create_table('institution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=True),
    sa.Column('kind', sa.Enum('consulate', 'honorary_consulate', 'embassy', 'cultural_institute', 'chamber_of_commerce', 'university', 'school', 'ngo', 'polonia_organisation', 'city_office', 'cultural_centre', 'hospital', 'company', 'other', name='institutionkind', native_enum=False, length=32), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('city', sa.String(length=200), nullable=True),
    sa.Column('in_krakow', sa.Boolean(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('website', sa.Text(), nullable=True),
    sa.Column('email', sa.Text(), nullable=True),
    sa.Column('phone', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_institution_partner_id_partner'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_institution_source_source'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institution')),
    sa.UniqueConstraint('key', name=op.f('uq_institution_key'))
    )
    with op.batch_alter_table('institution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_institution_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_institution_partner_id'), ['partner_id'], unique=False)

    op.create_table('letter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('direction', sa.Enum('incoming', 'outgoing', name='direction', native_enum=False, length=32), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('channel', sa.Enum('letter', 'email', 'fax', 'note', 'other', name='channel', native_enum=False, length=32), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=True),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('reply_due_on', sa.Date(), nullable=True),
    sa.Column('reply_to_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_letter_partner_id_partner'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['reply_to_id'], ['letter.id'], name=op.f('fk_letter_reply_to_id_letter'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_letter_source_source'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter')),
    sa.UniqueConstraint('key', name=op.f('uq_letter_key')),
    sa.UniqueConstraint('reference', name=op.f('uq_letter_reference'))
    )
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_letter_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_letter_reply_to_id'), ['reply_to_id'], unique=False)

    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('joined_year', sa.Integer(), nullable=True),
    sa.Column('left_year', sa.Integer(), nullable=True),
    sa.Column('fee', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('fee_currency', sa.String(length=3), nullable=True),
    sa.Column('fee_note', sa.Text(), nullable=True),
    sa.Column('coordinating_department', sa.Text(), nullable=True),
    sa.Column('representative', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.CheckConstraint('fee IS NULL OR fee >= 0', name=op.f('ck_membership_fee_not_negative')),
    sa.CheckConstraint('left_year IS NULL OR joined_year IS NULL OR left_year >= joined_year', name=op.f('ck_membership_years_order')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_membership_organisation_id_organisation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_membership_source_source'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
    sa.UniqueConstraint('key', name=op.f('uq_membership_key'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('partner_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_partner_alias_partner_id_partner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_alias')),
    sa.UniqueConstraint('partner_id', 'alias', name='uq_partner_alias_partner_alias')
    )
    with op.batch_alter_table('partner_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_alias_partner_id'), ['partner_id'], unique=False)

    op.create_table('partner_domain',
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('domain', sa.Enum('culture', 'education', 'science', 'youth', 'sport', 'economy', 'tourism', 'promotion', 'social_welfare', 'health', 'environment', 'municipal_management', 'transport', 'fire_rescue', 'heritage_protection', 'eu_funds', 'local_government', 'urban_regeneration', 'public_safety', 'crisis_management', 'diaspora', 'european_integration', 'disability', 'seniors', 'trade_fairs', name='domain', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_partner_domain_partner_id_partner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('partner_id', 'domain', name=op.f('pk_partner_domain'))
    )
    op.create_table('partner_status',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('active', 'dormant', 'suspended', 'ended', name='partnerstatuskind', native_enum=False, length=32), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('since_precision', sa.Enum('day', 'month', 'year', name='precision', native_enum=False, length=32), server_default='day', nullable=False),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('until_precision', sa.Enum('day', 'month', 'year', name='precision', native_enum=False, length=32), server_default='day', nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_partner_status_partner_id_partner'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source'], ['source.key'], name=op.f('fk_partner_status_source_source'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_status'))
    )
    with op.batch_alter_table('partner_status', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_status_partner_id'), ['partner_id'], unique=False)

    op.create_table('programme_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('start', sa.Time(), nullable=True),
    sa.Column('end', sa.Time(), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('activity', sa.Text(), nullable=False),
    sa.Column('responsible', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_programme_item_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_item'))
    )
    with op.batch_alter_table('programme_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_item_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('side', sa.Enum('guest', 'host', name='side', native_enum=False, length=32), nullable=False),
    sa.Column('role', sa.Text(), nullable=True),
    sa.Column('precedence', sa.Integer(), nullable=True),
    sa.Column('languages', sa.JSON(), server_default='[]', nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint('person_id IS NOT NULL OR name IS NOT NULL OR role IS NOT NULL', name=op.f('ck_visit_participant_named')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_visit_participant_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_participant_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_participant'))
    )
    with op.batch_alter_table('visit_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_participant_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_participant_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_partner',
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_visit_partner_partner_id_partner'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_partner_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('visit_id', 'partner_id', name=op.f('pk_visit_partner'))
    )
    with op.batch_alter_table('visit_partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_partner_partner_id'), ['partner_id'], unique=False)

    op.create_table('affiliation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.Text(), nullable=True),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('until', sa.Date(), nullable=True),
    sa.CheckConstraint('institution_id IS NOT NULL OR partner_id IS NOT NULL', name=op.f('ck_affiliation_has_target')),
    sa.CheckConstraint('until IS NULL OR since IS NULL OR until >= since', name=op.f('ck_affiliation_period_order')),
    sa.ForeignKeyConstraint(['institution_id'], ['institution.id'], name=op.f('fk_affiliation_institution_id_institution'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_affiliation_partner_id_partner'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_affiliation_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_affiliation'))
    )
    with op.batch_alter_table('affiliation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_affiliation_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_affiliation_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_affiliation_person_id'), ['person_id'], unique=False)

    op.create_table('agreement_domain',
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('domain', sa.Enum('culture', 'education', 'science', 'youth', 'sport', 'economy', 'tourism', 'promotion', 'social_welfare', 'health', 'environment', 'municipal_management', 'transport', 'fire_rescue', 'heritage_protection', 'eu_funds', 'local_government', 'urban_regeneration', 'public_safety', 'crisis_management', 'diaspora', 'european_integration', 'disability', 'seniors', 'trade_fairs', name='domain', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_agreement_domain_agreement_id_agreement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agreement_id', 'domain', name=op.f('pk_agreement_domain'))
    )
    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.Text(), nullable=False),
    sa.Column('media_type', sa.String(length=120), nullable=True),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('added_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('letter_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('gift_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('size_bytes >= 0', name=op.f('ck_document_size_not_negative')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_document_agreement_id_agreement'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_document_event_id_event'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['gift_id'], ['gift.id'], name=op.f('fk_document_gift_id_gift'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['letter_id'], ['letter.id'], name=op.f('fk_document_letter_id_letter'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_document_visit_id_visit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document'))
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_gift_id'), ['gift_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_letter_id'), ['letter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_visit_id'), ['visit_id'], unique=False)

    op.create_table('letter_person',
    sa.Column('letter_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['letter_id'], ['letter.id'], name=op.f('fk_letter_person_letter_id_letter'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_letter_person_person_id_person'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('letter_id', 'person_id', name=op.f('pk_letter_person'))
    )
    op.create_table('task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('assignee', sa.String(length=200), nullable=True),
    sa.Column('status', sa.Enum('open', 'in_progress', 'done', 'cancelled', name='taskstatus', native_enum=False, length=32), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('letter_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_task_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_task_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['letter_id'], ['letter.id'], name=op.f('fk_task_letter_id_letter'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_task_partner_id_partner'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_task_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task')),
    sa.UniqueConstraint('key', name=op.f('uq_task_key'))
    )
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_letter_id'), ['letter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_visit_id'), ['visit_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_visit_id'))
        batch_op.drop_index(batch_op.f('ix_task_partner_id'))
        batch_op.drop_index(batch_op.f('ix_task_letter_id'))
        batch_op.drop_index(batch_op.f('ix_task_event_id'))
        batch_op.drop_index(batch_op.f('ix_task_due_on'))
        batch_op.drop_index(batch_op.f('ix_task_agreement_id'))

    op.drop_table('task')
    op.drop_table('letter_person')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_visit_id'))
        batch_op.drop_index(batch_op.f('ix_document_sha256'))
        batch_op.drop_index(batch_op.f('ix_document_letter_id'))
        batch_op.drop_index(batch_op.f('ix_document_gift_id'))
        batch_op.drop_index(batch_op.f('ix_document_event_id'))
        batch_op.drop_index(batch_op.f('ix_document_agreement_id'))

    op.drop_table('document')
    op.drop_table('agreement_domain')
    with op.batch_alter_table('affiliation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_affiliation_person_id'))
        batch_op.drop_index(batch_op.f('ix_affiliation_partner_id'))
        batch_op.drop_index(batch_op.f('ix_affiliation_institution_id'))

    op.drop_table('affiliation')
    with op.batch_alter_table('visit_partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_partner_partner_id'))

    op.drop_table('visit_partner')
    with op.batch_alter_table('visit_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_participant_visit_id'))
        batch_op.drop_index(batch_op.f('ix_visit_participant_person_id'))

    op.drop_table('visit_participant')
    with op.batch_alter_table('programme_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_item_visit_id'))

    op.drop_table('programme_item')
    with op.batch_alter_table('partner_status', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_status_partner_id'))

    op.drop_table('partner_status')
    op.drop_table('partner_domain')
    with op.batch_alter_table('partner_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_alias_partner_id'))

    op.drop_table('partner_alias')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_organisation_id'))

    op.drop_table('membership')
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letter_reply_to_id'))
        batch_op.drop_index(batch_op.f('ix_letter_partner_id'))
        batch_op.drop_index(batch_op.f('ix_letter_date'))

    op.drop_table('letter')
    with op.batch_alter_table('institution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_institution_partner_id'))
        batch_op.drop_index(batch_op.f('ix_institution_name'))

    op.drop_table('institution')
    with op.batch_alter_table('gift', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gift_visit_id'))
        batch_op.drop_index(batch_op.f('ix_gift_partner_id'))
        batch_op.drop_index(batch_op.f('ix_gift_date'))

    op.drop_table('gift')
    with op.batch_alter_table('event_partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_partner_partner_id'))

    op.drop_table('event_partner')
    op.drop_table('event_domain')
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_signed_on'))
        batch_op.drop_index(batch_op.f('ix_agreement_related_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_partner_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_kind'))

    op.drop_table('agreement')
    op.drop_table('yearly_figure')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_start_on'))

    op.drop_table('visit')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_family_name'))

    op.drop_table('person')
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_name'))
        batch_op.drop_index(batch_op.f('ix_partner_country'))
        batch_op.drop_index(batch_op.f('ix_partner_category'))

    op.drop_table('partner')
    op.drop_table('organisation')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_start_on'))

    op.drop_table('event')
    op.drop_table('source')
    op.drop_table('setting')
