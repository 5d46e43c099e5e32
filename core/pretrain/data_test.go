package pretrain

import _ "aelab/core/data/datatest" // the data sets under node
