zparse1 ; $ZPARSE: directory from the name, default1 or the working directory; fields and their abbreviations; ZPARSFLDBAD
 s $zd="/tmp"
 f x="/tmp/a.m","a.m","a","/tmp/","/tmp","no-such-sub-zparse1/b.txt","../x.m","/tmp/../etc/p","","a.b.c","./q.m","/a//b.m","~/x" w x,"=",$zparse(x),"|",$zparse(x,"DIRECTORY"),"|",$zparse(x,"NAME"),"|",$zparse(x,"TYPE"),"|",$zparse(x,"DEVICE"),"|",$zparse(x,"NODE"),"|",$zparse(x,"VERSION"),!
 w $zparse("x","","/usr/lib/",".m"),"|",$zparse("x","","/usr/y.o"),"|",$zparse("","","/usr/y.o","/var/z.q"),"|",$zparse("x.m","NAME","/tmp/"),"|",$zparse("a","","","b.c"),!
 w $zparse("/nonexist/dir/a.m"),"|",$zparse("x","type"),"|",$zparse("x","d"),"|",$zparse("x","di"),!
 s $et="w $p($zs,"","",1),"" "",$p($zs,"","",3,9),! s $ec="""" q"
 w $zparse("a.m","DIR"),"|",$zparse("a.m","N"),"|",$zparse("a.m","T"),"|",$zparse(".profile","NAME"),"|",$zparse(".profile","TYPE"),"|",$zparse("a.","TYPE"),"|",$zparse("x","","/tmp/"),!
 d e1
 q
e1 w $zparse("a.m","FOO"),! q
