 s $zt="w $p($zs,"","",3),! zg "_$zl_":L2"
 s x="" d @x w "no",!
L2 s $zt="w $p($zs,"","",3),! zg "_$zl_":L3"
 s x="" g @x w "no2",!
L3 s $zt="w $p($zs,"","",3),! zg "_$zl_":L4"
 d @"" w "no3",!
L4 s $zt="w $p($zs,"","",3),! zg "_$zl_":L5"
 s x="" w $t(@x),"|",!
L5 w "end",!
