zsearch1 ; $ZSEARCH: one match per call in name order, "" at the end and then again; streams; ZSRCHSTRMCT
 s p="/tmp/minim-zsearch1-"
 f f="a.m","b.m","c.txt" o p_f:(newversion) c p_f
 s $zd="/tmp"
 w $zsearch(p_"a.m"),"|",$zsearch(p_"a.m"),"|",$zsearch(p_"a.m"),"|",$zsearch(p_"nope"),"|",$zsearch("minim-zsearch1-a.m"),!
 w $zsearch(p_"*.m"),"|",$zsearch(p_"*.m"),"|",$zsearch(p_"*.m"),"|",$zsearch(p_"*.m"),!
 w $zsearch(p_"?.m",1),"|",$zsearch(p_"*.m",2),"|",$zsearch(p_"?.m",1),"|",$zsearch(p_"c*"),"|",$zsea("/tmp/"),"|",$zsearch("",1),!
 f f="a.m","b.m","c.txt" o p_f c p_f:(delete)
 w $zsearch(p_"*"),"|",$zsearch(p_"a.m"),!
 s $et="w $p($zs,"","",1),"" "",$p($zs,"","",3,9),! s $ec="""" q"
 d bad
 q
bad w $zsearch("a.m",256),! q
