"""The use cases: one module per capability, each owning its whole flow and its rules.

Handlers translate an update into one call here and render what it returns; jobs call
here on a clock. A use case reads and writes through storage, asks the provider through
the API client, and tells people other than the one in front of it (a reseller their
outcome, the admins a pending purchase) through the Messenger.
"""
