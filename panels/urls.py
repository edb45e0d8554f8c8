app_name = "panels"

urlpatterns: list = []
