"""The 积分超市 page: the points store's items and stock, and a sale at the keyboard."""
