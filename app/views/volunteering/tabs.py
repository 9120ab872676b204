"""The tabs of the 志愿活动 page beside its list of activities: each a part of running
volunteer work (teams, requests, rooms, figures), reading its data when it is shown.
A tab subclasses ``VolunteeringTab`` (in ``tab_base``) in a module of its own."""

from __future__ import annotations

from app.views.volunteering.requests_tab import RequestsTab
from app.views.volunteering.rooms_tab import RoomsTab
from app.views.volunteering.stats_tab import StatsTab
from app.views.volunteering.tab_base import VolunteeringTab
from app.views.volunteering.teams_tab import TeamsTab
from app.views.volunteering.volunteers_tab import VolunteersTab

__all__ = ["TAB_CLASSES", "VolunteeringTab"]

# The tabs after 活动, in the order they are shown.
TAB_CLASSES: tuple[type[VolunteeringTab], ...] = (TeamsTab, VolunteersTab, RequestsTab, RoomsTab,
                                                  StatsTab)
